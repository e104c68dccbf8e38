package com.starkiller.images.listing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * Text that shows something: at least one character that is not Unicode white space, a separator,
 * a control or an invisible format character. {@code @NotBlank} goes by
 * {@link Character#isWhitespace}, which leaves out the no-break spaces (U+00A0, U+2007, U+202F)
 * and zero-width ones (U+200B); {@code \S} in a pattern is ASCII only. Null passes: pair it with
 * {@code @NotNull} where a value is required.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = VisibleText.PATTERN)
@ReportAsSingleViolation
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

	/** For {@link String#matches}: true when the text has a visible character. */
	String PATTERN = "(?s).*[^\\p{IsWhite_Space}\\p{Z}\\p{Cc}\\p{Cf}].*";

	String message() default "must not be blank";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
