package io.vigil.gateway.webui;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vigil.devstack.quarkus.KafkaResource;
import io.vigil.devstack.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The web UI the build bundles into the gateway (src/main/webui, npm run build): served at {@code /},
 * every file it names served too, and nothing loaded from another host (the page works offline).
 * The UI itself is tested in a browser by ui-tests.
 */
@QuarkusTest
// not a test of security: an admin calls (auth.AccessMatrixTest and the auth tests use real credentials)
@TestSecurity(user = "tester", roles = {"viewer", "operator", "admin", "metrics"})
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class WebUiResourcesTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");

    @Test
    void thePageAndItsAssetsAreServedFromTheGateway() {
        String html = given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<main id=\"app\">"))
                .extract().asString();
        assertThat(html).as("the page loads nothing from another host").doesNotContain("http://", "https://", "//cdn");
        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("script and stylesheet").hasSize(2)
                .anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));
        for (String asset : assets) {
            String body = given().get(asset).then().statusCode(200)
                    .contentType(asset.endsWith(".js") ? containsString("javascript") : startsWith("text/css"))
                    .extract().asString();
            assertThat(body).as(asset).isNotEmpty().doesNotContain("//cdn.");
        }
    }
}
