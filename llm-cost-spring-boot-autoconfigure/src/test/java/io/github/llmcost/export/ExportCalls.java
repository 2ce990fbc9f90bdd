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

package io.github.llmcost.export;

import io.github.llmcost.attribution.LlmCostTags;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The LLM calls of the export tests: models that only these tests use, each answered by
 * {@link OpenAiServer} with a recorded response of 1,000 prompt tokens (400 of them
 * cached) and 500 completion tokens (100 of them reasoning).
 *
 * @author llm-cost contributors
 */
final class ExportCalls {

	/**
	 * A model priced at 0.40 (input), 0.10 (cached input) and 1.60 (output) per million
	 * tokens: a call costs 0.00108.
	 */
	static final String PRICED_MODEL = "gpt-4.1-mini";

	/**
	 * The response model of {@link #PRICED_MODEL}.
	 */
	static final String PRICED_RESPONSE_MODEL = "gpt-4.1-mini-2025-04-14";

	/**
	 * A second priced model, at 1.10, 0.275 and 4.40 per million tokens.
	 */
	static final String OTHER_PRICED_MODEL = "o4-mini";

	/**
	 * The response model of {@link #OTHER_PRICED_MODEL}.
	 */
	static final String OTHER_PRICED_RESPONSE_MODEL = "o4-mini-2025-04-16";

	/**
	 * A model priced nowhere.
	 */
	static final String UNPRICED_MODEL = "acme-local-7b";

	private ExportCalls() {
	}

	/**
	 * Answer the calls of every model of these tests.
	 */
	static void stubModels() {
		stub(PRICED_MODEL, PRICED_RESPONSE_MODEL);
		stub(OTHER_PRICED_MODEL, OTHER_PRICED_RESPONSE_MODEL);
		stub(UNPRICED_MODEL, UNPRICED_MODEL);
	}

	/**
	 * Make one call.
	 * @param chatClient the client
	 * @param model the request model
	 * @param feature the feature the call is attributed to
	 * @param team the team the call is attributed to
	 * @return the content of the answer
	 */
	static String call(ChatClient chatClient, String model, String feature, String team) {
		return chatClient.prompt()
			.options(OpenAiChatOptions.builder().model(model))
			.user("What is Spring AI?")
			.advisors(LlmCostTags.feature(feature).and("team", team))
			.call()
			.content();
	}

	private static void stub(String requestModel, String responseModel) {
		String body = TestFixtures.body("openai/chat-completion-cached-reasoning.json")
			.replace("gpt-4o-2024-08-06", responseModel);
		OpenAiServer.get()
			.stubFor(post(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo(requestModel)))
				.willReturn(okJson(body)));
	}

}
