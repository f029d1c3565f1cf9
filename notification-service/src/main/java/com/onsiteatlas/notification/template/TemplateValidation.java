package com.onsiteatlas.notification.template;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;

/**
 * Checks a template before it is saved or previewed: an e-mail needs a subject, and the
 * subject, bodies and WhatsApp parameters must compile without partials or refused
 * helpers. Every field error is answered together in one 400.
 */
@Component
class TemplateValidation {

	private final TemplateEngine engine;

	TemplateValidation(TemplateEngine engine) {
		this.engine = engine;
	}

	/**
	 * Throws a 400 naming the fields when a template to save is invalid.
	 * @param template the template
	 * @param errors errors found before (required fields), added to
	 */
	void validate(NotificationTemplate template, List<ApiError.FieldError> errors) {
		if ("email".equals(template.type())) {
			if (template.subject() == null || template.subject().isBlank()) {
				errors.add(new ApiError.FieldError("subject", "is required for e-mail templates"));
			}
		}
		errors.addAll(syntaxErrors(template));
		if (!errors.isEmpty()) {
			throw ApiException.badRequest("The template is invalid", errors);
		}
	}

	private void checkSyntax(String field, String source, List<ApiError.FieldError> errors) {
		String error = this.engine.syntaxError(source);
		if (error != null) {
			errors.add(new ApiError.FieldError(field, error));
		}
	}

	/**
	 * The syntax errors of a template's subject, bodies and WhatsApp parameters.
	 * @param template the template
	 * @return one error per field that does not compile
	 */
	List<ApiError.FieldError> syntaxErrors(NotificationTemplate template) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		checkSyntax("subject", template.subject(), errors);
		checkSyntax("contentHtml", template.contentHtml(), errors);
		checkSyntax("contentText", template.contentText(), errors);
		if (template.whatsapp() != null) {
			for (int i = 0; i < template.whatsapp().parameters().size(); i++) {
				checkSyntax("whatsapp.parameters[" + i + "]", template.whatsapp().parameters().get(i), errors);
			}
		}
		return errors;
	}

}
