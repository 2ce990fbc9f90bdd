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

package io.github.llmcost.pricing;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published once per model when a call to a model without a price is recorded, so that
 * the model is never silently priced at zero.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmUnpricedModelEvent extends ApplicationEvent {

	private final String model;

	private final @Nullable String requestModel;

	private final String provider;

	/**
	 * Create a new event.
	 * @param source the object that published the event
	 * @param model the model without a price, as the response named it, or else the
	 * request
	 * @param requestModel the model named in the request
	 * @param provider the provider of the call
	 */
	public LlmUnpricedModelEvent(Object source, String model, @Nullable String requestModel, String provider) {
		super(source);
		this.model = model;
		this.requestModel = requestModel;
		this.provider = provider;
	}

	/**
	 * Return the model without a price.
	 * @return the model name
	 */
	public String getModel() {
		return this.model;
	}

	/**
	 * Return the model named in the request.
	 * @return the request model, if any
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * Return the provider of the call.
	 * @return the provider, for example {@code openai}
	 */
	public String getProvider() {
		return this.provider;
	}

}
