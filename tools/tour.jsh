var f = Functions.dlfsBowl();
f.gradient(Vec.of(-7, 2))
var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
path.toTable()
var run = Optimizers.adam(0.3).start(f, Vec.of(-7, 2));
run.step();
run.step();
run.stateTable()
var cmp = Compare.optimizers(f, Vec.of(-7, 2), 30, Optimizers.sgd(0.95), Optimizers.momentum(0.1), Optimizers.adaGrad(1.5), Optimizers.adam(0.3));
cmp.table()
var warm = Optimizers.sgd(0.1).withSchedule(Schedules.warmupCosine(100, 1000));
warm.lrAt(0)
warm.lrAt(99)
var data = Datasets.spirals(400, 0.02, 1);
var net = Mlp.of(2, 32, 32, 2).relu().seed(42);
var history = Trainer.of(net, data, Optimizers.adam(0.01)).batchSize(20).seed(7).fit(60);
history.epochs().last(3)
var fashion = Datasets.fashionMnist(1000);
fashion.train()
