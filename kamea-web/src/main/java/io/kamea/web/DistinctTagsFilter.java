package io.kamea.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Keeps one tag of each name in the OpenAPI document, the first: the described one from
 * {@code META-INF/openapi.yaml}. Payara adds another, bare, for every resource class that names
 * the tag. Registered with {@code mp.openapi.filter} in {@code META-INF/microprofile-config.properties}.
 */
public class DistinctTagsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<Tag> tags = openAPI.getTags();
        if (tags == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        List<Tag> distinct = new ArrayList<>();
        for (Tag tag : tags) {
            if (seen.add(tag.getName())) {
                distinct.add(tag);
            }
        }
        openAPI.setTags(distinct);
    }
}
