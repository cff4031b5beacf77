package io.kamea.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares in the OpenAPI document the answers every protected operation may give, without
 * repeating them on each resource method: 401 (no or bad credentials) and 403 (role not enough).
 * An operation open to anyone declares an empty security requirement ({@code login}).
 */
public class OpenApiAccess implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            APIResponses responses = operation.getResponses() != null ? operation.getResponses()
                    : OASFactory.createAPIResponses();
            if (!responses.hasAPIResponse("401")) {
                responses.addAPIResponse("401", OASFactory.createAPIResponse()
                        .ref(ProblemResponses.UNAUTHORIZED));
            }
            if (!responses.hasAPIResponse("403")) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse().ref(ProblemResponses.FORBIDDEN));
            }
            operation.setResponses(responses);
        }
        return operation;
    }
}
