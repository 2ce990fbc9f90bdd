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

package io.github.llmcost.budget;

import java.util.List;

import io.github.llmcost.testsupport.ConcurrentCalls;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end test of an enforced budget with the memory store under concurrency, with
 * Spring AI's OpenAI client over HTTP.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class BudgetIntegrationTests {

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private BudgetGuard budgetGuard;

	@Test
	void concurrentCallsShouldNeverOvershootTheBudgetAndRejectedCallsShouldReachNoModel() throws Exception {
		OpenAiServer.get()
			.stubFor(post(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("flat-fee-model")))
				.willReturn(okJson(TestFixtures.body("openai/chat-completion-flat-fee.json"))));
		ChatClient chatClient = this.chatClientBuilder.build();
		long before = flatFeeRequests();
		// a budget of 1.00 and calls of exactly 0.03 each: 33 fit
		List<String> outcomes = ConcurrentCalls.run(64, (thread) -> {
			try {
				chatClient.prompt()
					.options(OpenAiChatOptions.builder().model("flat-fee-model"))
					.user("Hi")
					.call()
					.content();
				return "called";
			}
			catch (LlmBudgetExceededException ex) {
				return "rejected";
			}
		});
		assertThat(outcomes).filteredOn("called"::equals).hasSize(33);
		assertThat(outcomes).filteredOn("rejected"::equals).hasSize(31);
		assertThat(flatFeeRequests() - before).isEqualTo(33);
		Budget budget = this.budgetGuard.getBudgets()
			.stream()
			.filter((candidate) -> candidate.name().equals("flat-fee"))
			.findFirst()
			.orElseThrow();
		BudgetBalance balance = this.budgetGuard.balance(budget);
		assertThat(balance.spent()).isEqualByComparingTo("0.99");
		assertThat(balance.reserved()).isZero();
	}

	private static long flatFeeRequests() {
		return OpenAiServer.get()
			.countRequestsMatching(postRequestedFor(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("flat-fee-model")))
				.build())
			.getCount();
	}

}
