package io.kamea.web.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The limit of a resource method's request body, when it is not {@link Limit#REQUEST}:
 * {@code @BodyLimit(Limit.CONFIGURATION)}. Read by {@link RequestBodyChecks} for every request
 * (not a JAX-RS name binding: a method without it is bounded too, by the default).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    Limit value();
}
