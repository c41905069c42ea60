from django.db import models


class RateCounter(models.Model):
    """One window of one rate limit (utils/ratelimit.py): counted by a single upsert, so that
    every process and server counts in the same row without a lock held across statements."""

    key = models.CharField(primary_key=True, max_length=120)
    count = models.IntegerField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "bộ đếm giới hạn tần suất"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
