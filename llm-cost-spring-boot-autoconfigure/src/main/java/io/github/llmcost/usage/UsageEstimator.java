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

package io.github.llmcost.usage;

import io.github.llmcost.billing.BillingDimension;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.util.Assert;

/**
 * Estimates the usage of a call that ended without reported usage, such as a stream
 * cancelled before its usage arrived: the prompt's tokens as input, the text received so
 * far as output, counted with a tokenizer. The estimate has no cache, reasoning or cache
 * write tokens: those only the provider can tell.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class UsageEstimator {

	private final TokenCountEstimator tokenizer;

	/**
	 * Create an estimator that counts with the given tokenizer.
	 * @param tokenizer the tokenizer
	 */
	public UsageEstimator(TokenCountEstimator tokenizer) {
		Assert.notNull(tokenizer, "tokenizer must not be null");
		this.tokenizer = tokenizer;
	}

	/**
	 * Estimate the usage of a call.
	 * @param prompt the prompt of the call
	 * @param completion the text the model answered, as far as it was received
	 * @return the estimated usage
	 */
	public TokenUsage estimate(Prompt prompt, CharSequence completion) {
		long output = (completion.length() > 0) ? this.tokenizer.estimate(completion.toString()) : 0;
		return TokenUsage.builder()
			.tokens(BillingDimension.INPUT, promptTokens(prompt))
			.tokens(BillingDimension.OUTPUT, output)
			.build();
	}

	/**
	 * Count the tokens of the messages of a prompt.
	 * @param prompt the prompt
	 * @return the tokens
	 */
	public long promptTokens(Prompt prompt) {
		long tokens = 0;
		for (Message message : prompt.getInstructions()) {
			String text = message.getText();
			if (text != null && !text.isEmpty()) {
				tokens += this.tokenizer.estimate(text);
			}
		}
		return tokens;
	}

}
