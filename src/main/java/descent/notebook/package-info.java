/**
 * Jupyter (JJava, IJava) and JShell integration: renderers for tables and figures, start-up imports.
 *
 * <pre>{@code
 * %maven io.github.descent:descent:0.1.0-SNAPSHOT     // JJava: renderers and imports install themselves
 * descent.notebook.IJava.install();                   // IJava 1.3: one extra line (imports, renderers, progress)
 * }</pre>
 *
 * <pre>
 *  MimeBundle       Table / Figure / Html -> text/html + text/plain, kernel-independent
 *  TableFormat      Table -> HTML table or aligned text
 *  JJavaExtension   registers MimeBundle with JJava (found via META-INF/services) and runs Startup.script()
 *  IJava            the same for a running IJava 1.3 kernel (reflection): imports one per evaluation, renderers, progress
 *  Startup          descent/startup.jsh, the imports every session starts with
 *  JShellScript     runs .jsh files for ./descent shell as jshell does (/exit, /open, /vars, ...), stopping at the first error
 *  JupyterProgress  Progress.live() in a notebook: a live loss/accuracy chart that ends as an ordinary figure
 *  LiveDisplay      the two kernel calls it needs (display a bundle -> id, update id); JJavaDisplay for JJava
 *  JJavaProgressProvider, IJavaProgressProvider  tell Progress.live() which kernel is running (META-INF/services)
 * </pre>
 * Nothing outside this package depends on it, and only it refers to the kernels' classes (provided scope).
 */
package descent.notebook;
