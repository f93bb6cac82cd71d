// Integration tests share one database and one broker (and some stop a broker): they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
