-- Wakes the authorizers when a payment becomes Pending (a new request, or a retry after no answer). The NOTIFY is
-- delivered at commit, so they never look for a row they cannot see yet (identical notifications of one transaction
-- fold into one); being a trigger, it costs the writer no round trip. Leasing touches only leased_until: no wake-up.
CREATE FUNCTION acquisition.notify_authorizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('acquisition_authorizations', '');
    RETURN NULL;
END $$;

CREATE TRIGGER payment_transactions_pending_inserted AFTER INSERT ON acquisition.payment_transactions
    FOR EACH ROW WHEN (NEW.status = 'Pending') EXECUTE FUNCTION acquisition.notify_authorizations();

CREATE TRIGGER payment_transactions_pending_again AFTER UPDATE OF status ON acquisition.payment_transactions
    FOR EACH ROW WHEN (NEW.status = 'Pending') EXECUTE FUNCTION acquisition.notify_authorizations();
