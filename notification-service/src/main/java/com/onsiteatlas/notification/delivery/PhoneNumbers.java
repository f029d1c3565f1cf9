package com.onsiteatlas.notification.delivery;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import com.onsiteatlas.readmodel.ConferenceView;

/**
 * Puts phone numbers into E.164 ({@code +919876543210}), the form Twilio and WhatsApp
 * take, with libphonenumber: a national form ({@code 98765 43210}, {@code 098765 43210})
 * is read in the conference's country, an international one ({@code +91 98765-43210},
 * {@code 0091 98765 43210}) in any. A number it cannot read as a valid number is kept as
 * given, so the channel still refuses it with the reason.
 */
final class PhoneNumbers {

	/** libphonenumber's "no country": only international forms are read. */
	static final String UNKNOWN = "ZZ";

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	/** ISO 3166 alpha-2 codes by alpha-2, alpha-3 and English name, lower case. */
	private static final Map<String, String> COUNTRIES = countries();

	private PhoneNumbers() {
	}

	/**
	 * The E.164 form of a phone number.
	 * @param phone the number as entered, may be null
	 * @param region the conference's country (ISO 3166 alpha-2), or {@link #UNKNOWN}
	 * @return the E.164 form, or the number as given when it is not a valid number
	 */
	static String normalise(String phone, String region) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		try {
			Phonenumber.PhoneNumber number = PHONES.parse(phone, region);
			return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : phone;
		}
		catch (NumberParseException ex) {
			return phone;
		}
	}

	/**
	 * A recipient with its phone number in E.164.
	 * @param recipient the recipient, may be null
	 * @param region the conference's country, or {@link #UNKNOWN}
	 * @return the recipient
	 */
	static Notification.Recipient normalise(Notification.Recipient recipient, String region) {
		if (recipient == null || recipient.phone() == null) {
			return recipient;
		}
		return new Notification.Recipient(recipient.name(), recipient.email(), normalise(recipient.phone(), region));
	}

	/**
	 * The country national numbers of a conference's registrants are read in: its venue's
	 * country (a code or an English name), else the country of its locale
	 * ({@code en-IN}).
	 * @param conference the conference
	 * @return an ISO 3166 alpha-2 code, or {@link #UNKNOWN} when neither names a country
	 */
	static String region(ConferenceView conference) {
		if (conference.venue() != null && conference.venue().country() != null) {
			String country = COUNTRIES.get(conference.venue().country().trim().toLowerCase(Locale.ROOT));
			if (country != null) {
				return country;
			}
		}
		if (conference.locale() != null) {
			String country = Locale.forLanguageTag(conference.locale()).getCountry();
			if (PHONES.getSupportedRegions().contains(country)) {
				return country;
			}
		}
		return UNKNOWN;
	}

	private static Map<String, String> countries() {
		Map<String, String> countries = new HashMap<>();
		for (String code : PHONES.getSupportedRegions()) {
			Locale country = new Locale.Builder().setRegion(code).build();
			countries.put(code.toLowerCase(Locale.ROOT), code);
			countries.put(country.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
			try {
				countries.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
			}
			catch (java.util.MissingResourceException ex) {
				// No alpha-3 code for this region: the alpha-2 code and the name suffice.
			}
		}
		return Map.copyOf(countries);
	}

}
