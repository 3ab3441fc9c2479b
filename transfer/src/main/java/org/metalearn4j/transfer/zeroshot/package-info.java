/**
 * Zero-shot classification from class descriptors: the closed-form ESZSL (Romera-Paredes and Torr 2015) and direct
 * attribute prediction (DAP, Lampert et al. 2009/2014), both on fixed features of any backbone, and the attribute
 * tables that describe classes.
 *
 * <p>Orientation used throughout: features are rows ({@code x [n, d]}), class descriptors are rows
 * ({@code s [classes, attributes]}); the papers' column-major {@code X} and {@code S} are our transposes.
 */
package org.metalearn4j.transfer.zeroshot;
