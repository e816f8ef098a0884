import descent.fn.*;
import descent.optim.*;
import descent.schedule.*;
import descent.tensor.*;
import descent.data.*;
import tech.tablesaw.api.*;
