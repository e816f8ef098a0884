/**
 * Jupyter (JJava, IJava) and JShell integration: renderers for tables and figures, start-up imports.
 */
package descent.notebook;
