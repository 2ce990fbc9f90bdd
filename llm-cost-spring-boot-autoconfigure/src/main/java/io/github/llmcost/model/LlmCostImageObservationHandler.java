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

package io.github.llmcost.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.CallPricer.Charge;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.LlmCostRecorder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.observation.ImageModelObservationContext;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Prices the calls of Spring AI {@link ImageModel image models}: the number of images
 * generated times the per-image price of the model at the request's quality and size,
 * recorded as an {@code llm.call} observation with operation {@code image} and the cost
 * as the {@code request} cost type.
 * <p>
 * The price is the first of these names that has a per-image price: {@code
 * quality/WxH/model}, {@code WxH/model} and {@code model}, with the size written
 * {@code 1024-x-1024} as in LiteLLM's catalog, for example
 * {@code hd/1024-x-1792/dall-e-3}. A request without a quality, or with quality
 * {@code auto}, is priced at quality {@code medium} or {@code standard}, the providers'
 * defaults. The model, quality and size come from the request's options, else from the
 * options of the application's only {@link ImageModel}. As image responses name no model,
 * the request model is also recorded as the response model.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmCostImageObservationHandler extends PricedModelObservationHandler<ImageModelObservationContext> {

	/**
	 * The operation of image generation calls.
	 */
	public static final String OPERATION = "image";

	private static final List<String> DEFAULT_QUALITIES = List.of("medium", "standard");

	private final ObjectProvider<ImageModel> imageModels;

	/**
	 * Create a handler, whose collaborators are resolved on first use.
	 * @param pricer the pricer of calls
	 * @param recorder the recorder of priced calls
	 * @param attributionPolicy the policy that decides the tags of calls
	 * @param budgetGuard the guard that holds calls to budgets, if any
	 * @param observationRegistry the registry to record {@code llm.call} observations in
	 * @param observationConvention a custom convention, if any
	 * @param imageModels the image models of the application, whose default options
	 * complete requests that name no model, quality or size
	 */
	public LlmCostImageObservationHandler(ObjectProvider<CallPricer> pricer, ObjectProvider<LlmCostRecorder> recorder,
			ObjectProvider<AttributionPolicy> attributionPolicy, ObjectProvider<BudgetGuard> budgetGuard,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LlmCostObservationConvention> observationConvention,
			ObjectProvider<ImageModel> imageModels) {
		super(pricer, recorder, attributionPolicy, budgetGuard, observationRegistry, observationConvention);
		this.imageModels = imageModels;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ImageModelObservationContext;
	}

	@Override
	protected String operation() {
		return OPERATION;
	}

	@Override
	protected @Nullable String requestModel(ImageModelObservationContext context) {
		return option(context, "model");
	}

	@Override
	protected BigDecimal estimate(ImageModelObservationContext context, @Nullable String requestModel) {
		ResolvedPrice price = getPricer().resolveImagePrice(names(context, requestModel),
				context.getOperationMetadata().provider());
		if (price == null) {
			return BigDecimal.ZERO;
		}
		String n = option(context, "n");
		int images = (n != null) ? Math.max(1, Integer.parseInt(n)) : 1;
		return getPricer().getCalculator().calculateImages(images, price.price()).total();
	}

	@Override
	protected void price(ImageModelObservationContext context, LlmCostObservationContext call) {
		ImageResponse response = context.getResponse();
		if (response == null) {
			return;
		}
		// image responses name no model: the model that served the call is the request's
		call.setResponseModel(call.getRequestModel());
		Charge charge = getPricer().priceImages(response.getResults().size(), names(context, call.getRequestModel()),
				call.getRequestModel(), call.getProvider());
		if (charge != null) {
			call.setCost(charge.price(), charge.cost());
		}
	}

	/**
	 * Return the names to look the price of a call up by, most specific first.
	 * @param context the image model observation's context
	 * @param model the model of the call
	 * @return the names
	 */
	List<String> names(ImageModelObservationContext context, @Nullable String model) {
		if (model == null) {
			return List.of();
		}
		String size = size(context);
		String quality = option(context, "quality");
		List<String> qualities = (quality == null || "auto".equalsIgnoreCase(quality)) ? DEFAULT_QUALITIES
				: List.of(quality.toLowerCase(Locale.ROOT));
		List<String> names = new ArrayList<>();
		if (size != null) {
			for (String candidate : qualities) {
				names.add(candidate + "/" + size + "/" + model);
			}
			names.add(size + "/" + model);
		}
		names.add(model);
		return names;
	}

	private @Nullable String size(ImageModelObservationContext context) {
		String size = size(context.getRequest().getOptions());
		if (size == null) {
			size = size(defaultOptions());
		}
		return (size != null && !"auto".equalsIgnoreCase(size))
				? size.toLowerCase(Locale.ROOT).replace(" ", "").replace("x", "-x-") : null;
	}

	private static @Nullable String size(@Nullable Object options) {
		String size = property(options, "size");
		if (size == null) {
			String width = property(options, "width");
			String height = property(options, "height");
			size = (width != null && height != null) ? width + "x" + height : null;
		}
		return size;
	}

	private @Nullable String option(ImageModelObservationContext context, String property) {
		String value = property(context.getRequest().getOptions(), property);
		return (value != null) ? value : property(defaultOptions(), property);
	}

	private @Nullable Object defaultOptions() {
		ImageModel imageModel = this.imageModels.getIfUnique();
		if (imageModel == null) {
			return null;
		}
		BeanWrapper model = PropertyAccessorFactory.forBeanPropertyAccess(imageModel);
		return model.isReadableProperty("options") ? model.getPropertyValue("options") : null;
	}

	private static @Nullable String property(@Nullable Object options, String property) {
		if (options == null) {
			return null;
		}
		if (options instanceof ImageOptions imageOptions && "model".equals(property)) {
			return emptyToNull(imageOptions.getModel());
		}
		BeanWrapper wrapper = PropertyAccessorFactory.forBeanPropertyAccess(options);
		if (!wrapper.isReadableProperty(property)) {
			return null;
		}
		Object value = wrapper.getPropertyValue(property);
		return (value != null) ? emptyToNull(value.toString()) : null;
	}

}
