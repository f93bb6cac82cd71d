// One Host and one browser serve the run; each test has a browser context of its own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
