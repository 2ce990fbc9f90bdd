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

package io.github.llmcost.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import io.github.llmcost.advisor.LlmCostAdvisor;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.ProviderServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.github.llmcost.testsupport.Usages;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end tests of llm-cost with Spring AI's Google GenAI client, over HTTP, against a
 * local server that answers with the Gemini API's response bodies. Prices come from the
 * bundled catalog.
 *
 * @author llm-cost contributors
 */
@SpringBootTest(classes = GoogleGenAiIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.model.chat=google-genai", "spring.ai.model.embedding=none",
				"spring.ai.model.embedding.text=none", "spring.ai.model.image=none",
				"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
				"spring.ai.model.moderation=none", "spring.ai.google.genai.chat.model=gemini-2.5-flash",
				"management.endpoints.web.exposure.include=metrics" })
class GoogleGenAiIntegrationTests {

	private static final WireMockServer gemini = ProviderServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@LocalServerPort
	private int port;

	@Test
	void shouldPriceThinkingTokensThatCandidateTokensLeaveOut() {
		gemini.stubFor(post(urlEqualTo("/v1beta/models/gemini-2.5-flash:generateContent"))
			.willReturn(okJson(TestFixtures.body("google-genai/generate-content-cached-thinking.json"))));
		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.user("Summarize the contract")
			.call()
			.chatClientResponse();
		assertThat(response.chatResponse().getResult().getOutput().getText())
			.isEqualTo("The contract can be terminated with 30 days of written notice.");
		gemini.verify(postRequestedFor(urlEqualTo("/v1beta/models/gemini-2.5-flash:generateContent"))
			.withHeader("x-goog-api-key", equalTo("test-key")));
		// promptTokenCount 2100 includes cachedContentTokenCount 1500;
		// candidatesTokenCount 300 excludes thoughtsTokenCount 1200
		assertThat(response.context().get(LlmCostAdvisor.USAGE_CONTEXT_KEY))
			.isEqualTo(Usages.tokens(600, 1500, 0, 300, 1200));
		// 600 * 0.30 + 1500 * 0.03 + 300 * 2.50 + 1200 * 2.50 per million
		LlmCost cost = (LlmCost) response.context().get(LlmCostAdvisor.COST_CONTEXT_KEY);
		assertThat(cost.total()).isEqualByComparingTo("0.003975");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gemini-2.5-flash";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:reasoning")).isEqualTo(1200);
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:reasoning")).isCloseTo(0.003, within(1e-15));
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.003975, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:google_genai", "llm.priced:true"))
			.isEqualTo(1);
	}

	@Test
	void shouldPriceStreamFromItsCumulativeUsageMetadata() {
		gemini.stubFor(post(urlEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(TestFixtures.body("google-genai/stream-generate-content-thinking.txt"))));
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.options(GoogleGenAiChatOptions.builder().model("gemini-2.5-pro"))
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", chunks)).isEqualTo("Hello from Gemini");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gemini-2.5-pro";
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(1200);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:cached_input")).isZero();
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(152);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:reasoning")).isEqualTo(648);
		// 1200 * 1.25 + 152 * 10.00 + 648 * 10.00 per million
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.0095, within(1e-15));
		assertThat(metrics.count("llm.call", model, "gen_ai.provider.name:google_genai",
				"gen_ai.request.model:gemini-2.5-pro", "llm.priced:true"))
			.isEqualTo(1);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Client googleGenAiClient() {
			return Client.builder()
				.apiKey("test-key")
				.httpOptions(HttpOptions.builder().baseUrl(gemini.baseUrl()).build())
				.build();
		}

	}

}
