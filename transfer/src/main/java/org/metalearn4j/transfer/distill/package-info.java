/** Relational knowledge transfer: distilling a teacher model into a student on the target data. */
package org.metalearn4j.transfer.distill;
