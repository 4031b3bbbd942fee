"""The site's outputs beside its pages, from the same data: JSON-LD, the résumé in JSON Resume, the footer's
links, the texts of the link-preview pictures, the badges' colours and robots.txt. hooks.py puts them in the site."""

from __future__ import annotations

from portfolio.data.model import Portfolio, Profile
from portfolio.sitewide.colour import text_colour


def footer_links(profile: Profile) -> list[dict[str, str]]:
    """The footer's links, in the form Material's extra.social takes."""
    links = [{"icon": "material/email", "link": f"mailto:{profile.email}", "name": profile.email}]
    return links + [{"icon": link.icon, "link": link.url, "name": link.name} for link in profile.links]


def preview_texts(profile: Profile) -> dict[str, str]:
    """The profile's texts on the link-preview pictures (portfolio/layouts/card.yml); '' for one left out."""
    return {
        "name": profile.name or "",
        "headline": profile.headline or "",
        "location": profile.location or "",
        "tagline": profile.tagline,
    }


def structured_data(portfolio: Portfolio, site_url: str) -> dict[str, object]:
    """schema.org JSON-LD: the owner as a Person (with the companies of their current jobs, their schools and their
    languages, when the data has them), and their open-source projects."""
    profile, owner = portfolio.profile, {"@id": f"{site_url}#owner"}
    person = {
        "@type": "Person",
        **owner,
        "url": site_url,
        **({"name": profile.name} if profile.name else {}),
        **({"jobTitle": profile.headline} if profile.headline else {}),
        **({"homeLocation": {"@type": "Place", "name": profile.location}} if profile.location else {}),
        "email": f"mailto:{profile.email}",
        "description": profile.about_text,
        "sameAs": [link.url for link in profile.links],
        "knowsAbout": [technology.name for technology in portfolio.technologies.values()],
        **_given(
            worksFor=_organisations("Organization", [(job.company, job.url) for job in portfolio.current_jobs()]),
            alumniOf=_organisations(
                "EducationalOrganization", [(study.institution, study.url) for study in portfolio.education]
            ),
            knowsLanguage=[language.language for language in profile.languages],
        ),
    }
    code = [
        {
            "@type": "SoftwareSourceCode",
            "name": project.title,
            "description": project.summary,
            "codeRepository": project.repository,
            "keywords": portfolio.keywords(project),
            "author": owner,
        }
        for project in portfolio.projects
        if project.kind == "open-source" and project.repository
    ]
    return {"@context": "https://schema.org", "@graph": [person, *code]}


def json_resume(portfolio: Portfolio, site_url: str) -> dict[str, object]:
    """The résumé in the JSON Resume 1.0 format (https://jsonresume.org/schema); work, education and languages
    when the data has them."""
    profile, companies = portfolio.profile, {job.id: job.company for job in portfolio.experience}
    projects = [
        {
            "name": project.title,
            "description": project.summary,
            **({"highlights": project.challenges} if project.challenges else {}),
            "keywords": portfolio.keywords(project),
            **({"url": project.repository} if project.repository else {}),
            **_given(entity=companies.get(project.experience)),  # the company it was done at
        }
        for project in portfolio.projects
    ]
    work = [
        {
            "name": job.company,
            "position": job.position,
            **_given(url=job.url, location=job.location),
            "startDate": str(job.start),
            **_given(endDate=job.end and str(job.end), summary=job.summary, highlights=job.highlights),
        }
        for job in portfolio.experience
    ]
    education = [
        {
            "institution": study.institution,
            "area": study.area,
            **_given(studyType=study.degree, url=study.url),
            "startDate": str(study.start),
            **_given(endDate=study.end and str(study.end)),
        }
        for study in portfolio.education
    ]
    languages = [{"language": language.language, **_given(fluency=language.fluency)} for language in profile.languages]
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            **({"name": profile.name} if profile.name else {}),
            **({"label": profile.headline} if profile.headline else {}),
            "email": profile.email,
            "url": site_url,
            "summary": profile.about_text,
            "profiles": [{"network": link.name, "url": link.url} for link in profile.links],
        },
        **_given(work=work, education=education),
        "projects": projects,
        "skills": [{"name": group, "keywords": names} for group, names in portfolio.technology_groups().items()],
        **_given(languages=languages),
    }


def _given(**fields: object) -> dict[str, object]:
    """The fields that have a value (an optional field left out, or an empty list, is not written)."""
    return {name: value for name, value in fields.items() if value}


def _organisations(kind: str, places: list[tuple[str, str | None]]) -> list[dict[str, str]]:
    """schema.org organisations (companies, schools) from (name, site) pairs: each once, with its site if known."""
    return [{"@type": kind, "name": name, **_given(url=url)} for name, url in dict(places).items()]


def technology_stylesheet(portfolio: Portfolio) -> str:
    """The CSS that gives each technology's badge its brand colour, with readable text; and that shows only a
    technology's cards under a filter from the first paint of a link to it (partials/javascripts/filter.html)."""
    # Ids and colours are checked against SLUG and COLOUR, so they are safe in CSS as they are.
    technologies = portfolio.technologies.values()
    colours = [
        f".pf-badge--{tech.id} {{ --pf-badge-bg: {tech.colour}; --pf-badge-fg: {text_colour(tech.colour)}; }}"
        for tech in technologies
    ]
    chosen = [
        f'html[data-pf-tech="{tech.id}"] .pf-filter ~ .pf-cards > .pf-card:not([data-technologies~="{tech.id}"])'
        for tech in technologies
    ]
    return (
        "\n/* Each technology's badge in its brand colour (data/technologies.yml), with readable text. */\n"
        + "\n".join(colours)
        + "\n\n/* A link to a technology's projects (?tech=<id>) shows only them, before filter.js runs. */\n"
        + (",\n".join(chosen) + " {\n  display: none;\n}\n" if chosen else "")
    )


def robots_txt(site_url: str) -> str:
    """Every page may be crawled; the sitemap says which there are."""
    return f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n"
