package bookstore.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Every service is an OAuth2 resource server: it checks the bearer token of each request itself
 * (defence in depth: the gateway checks too, but nothing inside the cluster trusts a request just
 * because it arrived). Tokens are RS256 JWTs signed by user-service; their {@code roles} claim
 * becomes {@code ROLE_*} authorities.
 *
 * <p>Rules, first match wins: actuator health, info and prometheus are open (probes and scrapers
 * carry no tokens) and every other actuator endpoint is closed; then the service's {@link
 * AccessRules}; then everything under {@code /api} needs an authenticated caller. Anything else is
 * not part of the API (the gateway routes only {@code /api}) and is left to the handlers, so an
 * unknown path is still a 404.
 *
 * <p>Sessions, CSRF tokens, form and basic login do not exist here: every request proves itself
 * with its bearer token alone.
 */
@AutoConfiguration(
        before = {
            ReactiveOAuth2ResourceServerAutoConfiguration.class,
            ReactiveManagementWebSecurityAutoConfiguration.class,
            ReactiveWebSecurityAutoConfiguration.class,
            ReactiveUserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ResourceServerProperties.class)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@Import(SecurityProblemsAdvice.class)
// Lowest precedence: application.yaml, profiles and the environment override these.
@PropertySource("classpath:bookstore-security-defaults.properties")
public class ResourceServerAutoConfiguration {

    /**
     * Verifies with the application's own keys when it has them (user-service), otherwise with the
     * keys published at {@code bookstore.security.jwks-uri}.
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder accessTokenDecoder(
            ResourceServerProperties properties,
            ObjectProvider<JWKSource<SecurityContext>> ownKeys,
            ObjectProvider<Clock> clock) {
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        JWKSource<SecurityContext> keys = ownKeys.getIfAvailable();
        return keys == null
                ? AccessTokenDecoders.fromJwksUri(properties, now)
                : AccessTokenDecoders.fromKeys(keys, properties, now);
    }

    /**
     * The firewall in front of the filter chain refuses suspicious requests before any rule is
     * asked; without this it answers them 400 with no body, which no client of the shop can read.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler rejectedRequestsAsProblems() {
        return new SecurityProblems();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain resourceServerFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, ObjectProvider<AccessRules> serviceRules) {
        SecurityProblems problems = new SecurityProblems();
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> {
                    exchanges
                            .matchers(EndpointRequest.to("health", "info", "prometheus"))
                            .permitAll()
                            .matchers(EndpointRequest.toAnyEndpoint())
                            .denyAll();
                    serviceRules.orderedStream().forEach(rules -> rules.configure(exchanges));
                    exchanges
                            .pathMatchers("/api/**")
                            .authenticated()
                            .anyExchange()
                            .permitAll();
                })
                .oauth2ResourceServer(server -> server.jwt(
                                jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
        return converter;
    }
}
