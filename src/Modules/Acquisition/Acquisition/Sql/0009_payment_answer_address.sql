-- The endpoint of the caller that asked for the authorization: its answer is sent there, not published to every
-- module's saga. Null on payments stored before this column; those are answered by publish, as they were.
ALTER TABLE acquisition.payment_transactions ADD COLUMN answer_to text;
