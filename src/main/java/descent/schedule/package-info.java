/**
 * Learning-rate schedules as functions of the step: decay, warm-up, cosine and friends.
 */
package descent.schedule;
