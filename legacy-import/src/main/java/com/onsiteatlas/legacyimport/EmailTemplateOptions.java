package com.onsiteatlas.legacyimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code bin/atlas import --email-templates}: instead of publishing the
 * backfill, hand each conference's e-mail settings to notification-service's cutover
 * import through the gateway. The other options ({@code --legacy-mongodb-uri},
 * {@code --event}, ...) stay {@link ImportOptions}'.
 *
 * @param gatewayUrl the gateway
 * @param token an ONSITE ATLAS token of an admin or manager
 * @param rest the remaining arguments, for {@link ImportOptions#parse}
 */
record EmailTemplateOptions(String gatewayUrl, String token, List<String> rest) {

	static final String USAGE = """

			E-mail cutover (docs/notification.md, "Cutover from ONSITE ATLAS emails"):
			  --email-templates          import each conference's emailSettings templates and automaticEmails
			                             switches into notification-service (inactive triggers) instead of
			                             publishing; run the backfill first
			  --gateway-url URL          the gateway (default ATLAS_GATEWAY_URL, else the suite's gateway)
			  --token TOKEN              an ONSITE ATLAS admin's or manager's token (default ATLAS_TOKEN)
			""";

	/**
	 * Takes the e-mail options out of the arguments.
	 * @param args the command line
	 * @param env the environment (defaults)
	 * @param defaultGateway the suite's gateway
	 * @return the options, or null without {@code --email-templates}
	 * @throws IllegalArgumentException with a message for the user
	 */
	static EmailTemplateOptions parse(List<String> args, Map<String, String> env, String defaultGateway) {
		boolean wanted = false;
		String gateway = blankToNull(env.get("ATLAS_GATEWAY_URL"));
		String token = blankToNull(env.get("ATLAS_TOKEN"));
		boolean gatewayGiven = false;
		boolean tokenGiven = false;
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (name) {
				case "--email-templates" -> wanted = true;
				case "--gateway-url", "--token" -> {
					String value;
					if (arg.contains("=")) {
						value = arg.substring(arg.indexOf('=') + 1);
					}
					else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
						value = args.get(++i);
					}
					else {
						throw new IllegalArgumentException(name + " needs a value");
					}
					if (name.equals("--gateway-url")) {
						gateway = value;
						gatewayGiven = true;
					}
					else {
						token = value;
						tokenGiven = true;
					}
				}
				default -> rest.add(arg);
			}
		}
		if (!wanted) {
			if (gatewayGiven || tokenGiven) {
				throw new IllegalArgumentException("--gateway-url and --token go with --email-templates");
			}
			return null;
		}
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException(
					"--email-templates needs --token (or ATLAS_TOKEN): an ONSITE ATLAS admin's or manager's token");
		}
		return new EmailTemplateOptions((gateway != null) ? gateway : defaultGateway, token, List.copyOf(rest));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
