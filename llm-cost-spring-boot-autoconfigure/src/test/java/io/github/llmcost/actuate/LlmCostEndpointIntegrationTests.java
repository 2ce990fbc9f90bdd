/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.actuate;

import java.util.List;
import java.util.Map;

import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the {@code llmcost} endpoint over HTTP.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class LlmCostEndpointIntegrationTests {

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@LocalServerPort
	private int port;

	@Test
	@SuppressWarnings("unchecked")
	void shouldShowSpendPricesAndBudgetsOverHttp() {
		OpenAiServer.get()
			.stubFor(post(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-nano")))
				.willReturn(okJson(TestFixtures.body("openai/chat-completion-summary.json"))));
		this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("gpt-4.1-nano"))
			.user("Summarize")
			.call()
			.content();
		Map<String, Object> body = restClient().get().uri("/actuator/llmcost").retrieve().body(Map.class);
		assertThat(body).containsEntry("currency", "USD");
		Map<String, Object> models = (Map<String, Object>) body.get("models");
		Map<String, Object> nano = (Map<String, Object>) models.get("gpt-4.1-nano-2025-04-14");
		assertThat(nano).isNotNull();
		assertThat(((Number) nano.get("calls")).longValue()).isPositive();
		Map<String, Object> prices = (Map<String, Object>) body.get("pricesInUse");
		assertThat((Map<String, Object>) prices.get("gpt-4.1-nano-2025-04-14")).containsEntry("entry", "gpt-4.1-nano")
			.containsEntry("source", "property");
		assertThat((List<Map<String, Object>>) body.get("budgets")).extracting((budget) -> budget.get("name"))
			.contains("flat-fee");
		assertThat((List<Map<String, Object>>) body.get("catalogs")).extracting((catalog) -> catalog.get("source"))
			.containsExactly("property", "builtin");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldExplainModelNamesWithSlashesAndDotsOverHttp() {
		Map<String, Object> prefixed = restClient().get()
			.uri("/actuator/llmcost/openai/gpt-4.1")
			.retrieve()
			.body(Map.class);
		assertThat(prefixed).containsEntry("model", "openai/gpt-4.1").containsEntry("priced", true);
		assertThat((Map<String, Object>) prefixed.get("price")).containsEntry("entry", "gpt-4.1")
			.containsEntry("source", "property")
			.containsEntry("match", "normalized");
		Map<String, Object> bedrock = restClient().get()
			.uri("/actuator/llmcost/us.anthropic.claude-sonnet-4-20250514-v1:0")
			.retrieve()
			.body(Map.class);
		assertThat((Map<String, Object>) bedrock.get("price")).containsEntry("source", "builtin");
		Map<String, Object> unknown = restClient().get()
			.uri("/actuator/llmcost/mystery-model")
			.retrieve()
			.body(Map.class);
		assertThat(unknown).containsEntry("priced", false);
	}

	private RestClient restClient() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
