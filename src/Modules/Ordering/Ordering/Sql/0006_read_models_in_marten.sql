-- The order read model moved to Marten documents (ordering_read.mt_doc_orderdocument, applied by the migrate step);
-- `Host --rebuild-read-models ordering` fills them from the write model.
DROP TABLE IF EXISTS ordering_read.order_timeline;
DROP TABLE IF EXISTS ordering_read.orders;
