package io.vigil.system;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.vigil.devstack.LocalStack;

/**
 * The one place system tests get their gateway credentials: every RestAssured {@code given()} after
 * {@link #configure} goes to the stack's gateway with its admin API key (docs/security.md).
 */
final class GatewayAuth {

    private GatewayAuth() {
    }

    /** Call in {@code @BeforeAll}, once the stack runs. */
    static void configure(LocalStack stack) {
        RestAssured.baseURI = stack.gatewayUrl();
        // a new builder starts from the default specification: the previous test class's, with its gone gateway
        RestAssured.requestSpecification = null;
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .setBaseUri(stack.gatewayUrl())
                .addHeader("Authorization", "Bearer " + stack.adminApiKey())
                .build();
    }
}
