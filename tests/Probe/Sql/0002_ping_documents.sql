-- The projection's effects are Marten documents now (probe_read.mt_doc_pingdocument, applied by the migrate step).
DROP TABLE probe.ping_effects;
