// The 5-minute tour's first lines, run by ./descent test on JDK 17 and 25.
var f = Functions.dlfsBowl();
var path = Optimizers.sgd(0.95).minimize(f, Vec.of(-7, 2), 30);
var t = path.toTable();
System.out.println(t.printAll());
for (int i = 0; i < 30; i++) System.out.println(t.doubleColumn("x0").get(i) + " " + t.doubleColumn("x1").get(i));
Plots.contour(f, path)
