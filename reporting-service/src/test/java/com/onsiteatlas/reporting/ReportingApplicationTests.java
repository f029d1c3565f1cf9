package com.onsiteatlas.reporting;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.onsiteatlas.support.testing.ServiceConventionsContract;

class ReportingApplicationTests extends ReportingIntegrationTest implements ServiceConventionsContract {

	@Override
	public WebTestClient serviceClient() {
		return this.client;
	}

	@Override
	public String staffListPath() {
		return "/api/export/configs";
	}

}
