using System.Globalization;
using System.Text;
using Modular.Settlement.Domain;
using Modular.Settlement.ReadModels;

namespace Modular.Settlement.Features.RunExports;

/// <summary>
/// The export's SQL over the ledger documents. COPY takes no bind parameters, so the filter's values are written as
/// literals: dates and ids are formatted by us, text is quoted with doubled quotes (standard strings) and was already
/// bounded and refused if it held U+0000 at the edge. Rows are ordered by (date, id) of the partition's date column,
/// which the same indexes as the search serve (SearchLedgerQueryHandler).
/// </summary>
internal static class LedgerExportSql
{
    /// <summary>The CSV's header: the seed's 24 fields, in the order of the SELECT below.</summary>
    public const string Header =
        "tax_form_id,payment_id,order_no,pay_no,requested_at,paid_at,canceled_at,submitted_at,transaction_type,pg,pay_method," +
        "pay_method_detail,service_type,submit_type,cancel_type,year,report_no,amount,fee,vat,sale_amount,order_amount,pg_amount,difference";

    // Free text loses line breaks, so a row is exactly one line (progress counts lines).
    private const string Columns = """
        d.data->>'taxFormId', d.data->>'paymentId', d.data->>'orderNo', d.data->>'payNo',
        to_char(d.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char((d.data->>'paidAt')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char((d.data->>'canceledAt')::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char(d.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        d.transaction_type, d.pg, d.pay_method, translate(d.data->>'payMethodDetail', E'\r\n', '  '), d.service_type, d.submit_type,
        d.data->>'cancelType', d.data->>'year', d.data->>'reportNo', d.data->>'amount', d.data->>'fee', d.data->>'vat',
        d.data->>'saleAmount', d.data->>'orderAmount', d.data->>'pgAmount', d.data->>'difference'
        """;

    /// <summary>How many rows match, and the first and last value of their ordering date (to cut partitions), in one scan.</summary>
    public static string Measure(LedgerFilter filter, Guid? organizationId)
    {
        var date = DateColumn(filter);
        return $"SELECT count(*), min(d.{date}), max(d.{date}) FROM {SettlementReadStore.LedgerTable} d WHERE {Where(filter, organizationId, null)}";
    }

    /// <summary>COPY of the matching rows, within [from, to) of the ordering date when a partition is given.</summary>
    public static string Copy(LedgerFilter filter, Guid? organizationId, (DateTimeOffset From, DateTimeOffset To)? partition)
    {
        var date = DateColumn(filter);
        return $"""
            COPY (SELECT {Columns} FROM {SettlementReadStore.LedgerTable} d WHERE {Where(filter, organizationId, partition)}
                  ORDER BY d.{date}, d.id) TO STDOUT (FORMAT csv)
            """;
    }

    private static string DateColumn(LedgerFilter filter) => filter.OrdersBySubmission ? "submitted_at" : "requested_at";

    private static string Where(LedgerFilter filter, Guid? organizationId, (DateTimeOffset From, DateTimeOffset To)? partition)
    {
        var conditions = new List<string> { "true" };
        if (organizationId is { } organization)
        {
            conditions.Add($"d.organization_id = '{organization:D}'");
        }

        Range(conditions, "requested_at", filter.RequestedFrom, filter.RequestedTo);
        Range(conditions, "submitted_at", filter.SubmittedFrom, filter.SubmittedTo);
        if (partition is { } window)
        {
            Range(conditions, DateColumn(filter), window.From, window.To);
        }

        Equal(conditions, "pg", filter.Pg);
        Equal(conditions, "pay_method", filter.PayMethod);
        Equal(conditions, "service_type", filter.ServiceType);
        Equal(conditions, "submit_type", filter.SubmitType);
        Equal(conditions, "transaction_type", filter.TransactionType);
        return string.Join(" AND ", conditions);
    }

    private static void Range(List<string> conditions, string column, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } since)
        {
            conditions.Add($"d.{column} >= {Timestamp(since)}");
        }

        if (to is { } until)
        {
            conditions.Add($"d.{column} < {Timestamp(until)}");
        }
    }

    private static void Equal(List<string> conditions, string column, string? value)
    {
        if (value is not null)
        {
            conditions.Add($"d.{column} = {Text(value)}");
        }
    }

    private static string Timestamp(DateTimeOffset at) => $"'{at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)}Z'::timestamptz";

    private static string Text(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Text with U+0000 cannot be exported.", nameof(value));
        }

        return new StringBuilder("'").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();
    }
}
