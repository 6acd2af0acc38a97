package bookstore.catalog.search.web;

import jakarta.validation.Validator;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** Teaches WebFlux to read {@link SearchParameters} from a query string. */
@Configuration(proxyBeanMethods = false)
class SearchWebConfiguration implements WebFluxConfigurer {

    private final Validator validator;

    SearchWebConfiguration(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new SearchParametersResolver(
                ApplicationConversionService.getSharedInstance(), new SpringValidatorAdapter(validator)));
    }
}
