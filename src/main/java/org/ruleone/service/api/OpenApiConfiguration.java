package org.ruleone.service.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and the bearer-token security of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ruleOneApi() {
        return new OpenAPI()
                .info(new Info().title("Rule One API").version("1")
                        .description("Cases, calls, purchases and survey invitations for integrations. Errors are RFC 9457 problem "
                                + "details (application/problem+json)."))
                .components(new Components().addSecuritySchemes("apiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token (r1_…) an owner creates under Settings")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
