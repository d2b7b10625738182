/**
 * The Workbench's view models: plain classes, tested without a display, that turn the lab's data
 * (schemas, run folders, metrics, the catalog, located errors) into what the views show.
 */
package org.nettwin.ui.model;
