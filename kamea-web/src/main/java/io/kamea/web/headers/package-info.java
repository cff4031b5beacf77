/** Headers every answer of the API and the UI carries, whatever produced it. */
package io.kamea.web.headers;
