// Collections run in parallel, two at a time (the machine's two cores); tests within a collection one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
