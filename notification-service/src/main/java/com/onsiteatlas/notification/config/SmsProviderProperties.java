package com.onsiteatlas.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the HTTP SMS providers are reached ({@code atlas.notification.sms.*}). Set by the
 * operator only (tests point them at stand-ins); organisers never choose these hosts.
 *
 * @param timeout connect and response timeout of one provider call
 * @param snsBaseUrl AWS SNS endpoint; empty for
 * {@code https://sns.<region>.amazonaws.com}
 * @param textlocalBaseUrl TextLocal API base
 * @param msg91BaseUrl MSG91 API base
 */
@ConfigurationProperties("atlas.notification.sms")
public record SmsProviderProperties(@DefaultValue("15s") Duration timeout, String snsBaseUrl,
		@DefaultValue("https://api.textlocal.in") String textlocalBaseUrl,
		@DefaultValue("https://control.msg91.com") String msg91BaseUrl) {

	/**
	 * The SNS endpoint of a region.
	 * @param region the account's region
	 * @return the base URL without a trailing slash
	 */
	public String snsBase(String region) {
		String base = (this.snsBaseUrl != null && !this.snsBaseUrl.isBlank()) ? this.snsBaseUrl
				: "https://sns." + region + ".amazonaws.com";
		return trim(base);
	}

	/**
	 * TextLocal's base URL.
	 * @return without a trailing slash
	 */
	public String textlocalBase() {
		return trim(this.textlocalBaseUrl);
	}

	/**
	 * MSG91's base URL.
	 * @return without a trailing slash
	 */
	public String msg91Base() {
		return trim(this.msg91BaseUrl);
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
