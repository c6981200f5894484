/** HTTP plumbing on Netty: the declarative route table, requests and responses as JSON, errors with a JSON body. */
package dev.acd.api.http;
