/**
 * {@code metalearn serve}: a trained model as a small HTTP service. A client posts a support set of labelled
 * examples and query examples as JSON ({@code POST /predict}) and gets the model's predictions back; {@code GET
 * /model} describes the model and {@code GET /health} says the server is up. It listens on 127.0.0.1 unless told
 * otherwise, limits the size of what it reads ({@link org.metalearn4j.examples.serve.ServeLimits}), and answers a bad
 * request with a 4xx naming the field at fault.
 */
package org.metalearn4j.examples.serve;
