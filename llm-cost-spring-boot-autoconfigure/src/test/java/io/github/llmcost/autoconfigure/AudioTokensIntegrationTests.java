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

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests that audio tokens are priced at their own rates, end to end through Spring AI's
 * OpenAI client over HTTP, with the bundled catalog's list prices.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class AudioTokensIntegrationTests {

	private static final WireMockServer openAi = OpenAiServer.get();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@LocalServerPort
	private int port;

	@Test
	void shouldPriceAudioInputAndOutputTokensAtTheirOwnRates() {
		openAi.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-audio-preview")))
			.willReturn(okJson(TestFixtures.body("openai/chat-completion-audio.json"))));
		String content = this.chatClientBuilder.build()
			.prompt()
			.options(OpenAiChatOptions.builder().model("gpt-4o-audio-preview"))
			.user("Summarize my voice note")
			.call()
			.content();
		assertThat(content).isEqualTo("Here is the summary of your voice note.");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		String model = "gen_ai.response.model:gpt-4o-audio-preview-2024-12-17";
		// 1000 of 1200 prompt tokens and 500 of 600 completion tokens are audio
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:input")).isEqualTo(200);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:audio_input")).isEqualTo(1000);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:output")).isEqualTo(100);
		assertThat(metrics.count("llm.tokens", model, "llm.token.type:audio_output")).isEqualTo(500);
		// 200 x 2.50 + 1000 x 40.00 + 100 x 10.00 + 500 x 80.00 per million: 0.0815, not
		// 0.009
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:audio_input")).isCloseTo(0.04, within(1e-15));
		assertThat(metrics.count("llm.cost", model, "llm.cost.type:audio_output")).isCloseTo(0.04, within(1e-15));
		assertThat(metrics.count("llm.cost", model)).isCloseTo(0.0815, within(1e-15));
	}

}
