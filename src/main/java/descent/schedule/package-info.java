/**
 * Learning-rate schedules as functions of the step ({@link descent.schedule.Schedule}): step decay, exponential,
 * inverse time, linear, cosine with or without restarts, warm-up, the Transformer schedule and one-cycle, each a
 * validated record that prints as its spec; factories in {@link descent.schedule.Schedules}.
 */
package descent.schedule;
