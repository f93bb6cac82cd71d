-- The transaction read model moved to Marten documents (acquisition_read.mt_doc_paymenttransactiondocument, applied by
-- the migrate step); `Host --rebuild-read-models acquisition` fills them from the write model.
DROP TABLE IF EXISTS acquisition_read.payment_transactions;
