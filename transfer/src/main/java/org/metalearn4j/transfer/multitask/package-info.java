/** Multi-task learning: one shared trunk with a head per task, uniform or learned uncertainty loss weighting. */
package org.metalearn4j.transfer.multitask;
