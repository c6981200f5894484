/** The web pages (wallboard, rep desktop, login) served from the classpath, with their WebJar libraries. */
package dev.acd.api.web;
