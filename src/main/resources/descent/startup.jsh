// descent start-up imports for JShell and Jupyter (JJava loads them automatically).
// Use it yourself with: jshell --class-path "target/descent-0.1.0-SNAPSHOT.jar:target/lib/*" --startup DEFAULT --startup startup.jsh
import descent.fn.*;
import descent.base.*;
import descent.optim.*;
import descent.schedule.*;
import descent.tensor.*;
import descent.data.*;
import descent.nn.*;
import descent.train.*;
import descent.landscape.*;
import descent.experiment.*;
import descent.plot.*;
import descent.notebook.Tables;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.components.Figure;
