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

/**
 * Thrown before a model call when the budget store cannot be reached and
 * {@code llm-cost.budget.fail-open} is {@code false}: the call is rejected rather than
 * made without its budgets.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmBudgetUnavailableException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message the message
	 * @param cause the failure of the store
	 */
	public LlmBudgetUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
