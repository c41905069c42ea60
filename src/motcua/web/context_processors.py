from motcua.agencies.models import Province


def province(request):
    return {"province": Province.objects.filter(pk=1).first()}
