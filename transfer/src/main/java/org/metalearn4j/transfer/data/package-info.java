/** Data access shared by stages: opening data sets by name, class filtering and subsampling, pixel features. */
package org.metalearn4j.transfer.data;
