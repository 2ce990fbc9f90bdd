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

package io.github.llmcost.sample.simulator;

import java.util.List;

import io.github.llmcost.sample.simulator.OpenAiSimulator.Completion;
import io.github.llmcost.sample.simulator.OpenAiSimulator.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenAiSimulator}.
 *
 * @author llm-cost contributors
 */
class OpenAiSimulatorTests {

	private static final Message SYSTEM = new Message("system", "You are a helpful assistant.");

	private final OpenAiSimulator simulator = new OpenAiSimulator();

	@Test
	void shouldCountPromptTokensAsOpenAiDoes() {
		// the example of OpenAI's API reference reports 19 prompt tokens
		Completion completion = this.simulator.complete("gpt-4o", List.of(SYSTEM, new Message("user", "Hello!")));
		assertThat(completion.promptTokens()).isEqualTo(19);
		assertThat(completion.cachedTokens()).isZero();
		assertThat(completion.completionTokens()).isPositive();
		assertThat(completion.reasoningTokens()).isZero();
	}

	@Test
	void shouldAnswerWithDatedSnapshotName() {
		assertThat(this.simulator.complete("gpt-4o-mini", List.of(SYSTEM)).model()).isEqualTo("gpt-4o-mini-2024-07-18");
		assertThat(this.simulator.complete("my-model", List.of(SYSTEM)).model()).isEqualTo("my-model");
	}

	@Test
	void shouldReportRepeatedPromptPrefixesAsCached() {
		Completion first = this.simulator.complete("gpt-4o", List.of(SYSTEM, new Message("user", "Hello!")));
		Completion samePrefix = this.simulator.complete("gpt-4o", List.of(SYSTEM, new Message("user", "Bye!")));
		Completion repeated = this.simulator.complete("gpt-4o", List.of(SYSTEM, new Message("user", "Hello!")));
		Completion otherModel = this.simulator.complete("gpt-4o-mini", List.of(SYSTEM, new Message("user", "Hello!")));
		assertThat(first.cachedTokens()).isZero();
		// the system message: 3 framing tokens, 1 for the role, 6 for the text
		assertThat(samePrefix.cachedTokens()).isEqualTo(10);
		// all messages, but not the 3 tokens that prime the reply
		assertThat(repeated.cachedTokens()).isEqualTo(repeated.promptTokens() - 3);
		assertThat(otherModel.cachedTokens()).isZero();
	}

	@Test
	void shouldReportReasoningTokensOfReasoningModels() {
		Completion reasoning = this.simulator.complete("o4-mini", List.of(SYSTEM));
		Completion plain = this.simulator.complete("gpt-4o", List.of(SYSTEM));
		assertThat(reasoning.model()).isEqualTo("o4-mini-2025-04-16");
		assertThat(reasoning.reasoningTokens()).isPositive()
			.isEqualTo(4 * (reasoning.completionTokens() - reasoning.reasoningTokens()));
		assertThat(plain.reasoningTokens()).isZero();
	}

}
