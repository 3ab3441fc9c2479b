/** Meta-training any registered learner by name inside a pipeline, optionally from an incoming pretrained backbone. */
package org.metalearn4j.transfer.metatrain;
